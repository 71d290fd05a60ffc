// Every test sees the add-on as built from the current sources (dist/ and .build/).
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
};
