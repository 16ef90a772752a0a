// Runs several `innspill` command lines in one child process (test/helpers/unprivileged.ts starts it,
// as `nobody` under root): the source through tsx as bin/innspill.cjs runs it, each command's exit
// code and output captured; first tries to write each probe path, to show a folder is read-only.
const fs = require('node:fs');
const path = require('node:path');

(async () => {
  (await import('tsx/esm/api')).register();
  require('tsx/cjs/api').register();
  const { run } = require(path.join(__dirname, '..', '..', 'src-main', 'cli', 'main.ts'));
  const job = JSON.parse(process.argv[2]);
  const probes = job.probes.map((p) => {
    try {
      fs.writeFileSync(p, '');
      fs.rmSync(p);
      return 'written';
    } catch (e) {
      return e.code;
    }
  });
  const results = [];
  for (const args of job.runs) {
    let out = '';
    let err = '';
    const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) }, job.cwd);
    results.push({ code, out, err });
  }
  process.stdout.write(JSON.stringify({ probes, results }));
})();
