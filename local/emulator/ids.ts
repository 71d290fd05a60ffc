/** Deterministic Google-looking ids, so a demo run and its saved folder are reproducible. */
export class IdSource {
  private counter = 0;
  constructor(private readonly seed = 'mentoring') {}

  next(prefix = '1'): string {
    this.counter += 1;
    let h = 2166136261;
    const text = `${this.seed}:${this.counter}`;
    let out = prefix;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let round = 0; out.length < 44; round++) {
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
      h = Math.imul(h ^ round, 2654435761) >>> 0;
      out += alphabet[h % 64] + alphabet[(h >>> 6) % 64] + alphabet[(h >>> 12) % 64];
    }
    return out.slice(0, 44);
  }

  /** Counter state, saved with the workspace so ids stay unique after a reload. */
  get state(): number {
    return this.counter;
  }
  set state(value: number) {
    this.counter = value;
  }
}
