// A JavaScript implementation of the `greeter-cli` world (wit/cli.wit): a command that prints a
// greeting in each tone. Build and run it with
//   jco componentize greeter-cli.js --wit wit --world-name greeter-cli -o greeter-cli.wasm
//   jco run greeter-cli.wasm
// (The Build command finds this file by the world's name; app.js implements `greeter-app`.)

const PEOPLE = [
  { name: 'Ada', title: 'Countess' },
  { name: 'Grace', title: undefined },
];

function phrase(tone, who) {
  switch (tone) {
    case 'formal':
      return `Good day, ${who.title ? `${who.title} ${who.name}` : who.name}.`;
    case 'cheerful':
      return `Hey ${who.name}, great to see you!`;
    default:
      return `Hi, ${who.name}!`;
  }
}

export const run = {
  run() {
    for (const tone of ['casual', 'formal', 'cheerful']) {
      for (const who of PEOPLE) console.log(`[${tone}] ${phrase(tone, who)}`);
    }
  },
};
