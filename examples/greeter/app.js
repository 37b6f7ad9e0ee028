// A JavaScript implementation of the `greeter-app` world (wit/world.wit), the shape that
// `jco componentize app.js --wit wit --world-name greeter-app -o greeter.wasm` expects:
// each exported interface is an exported object named after it in camelCase, resources are
// classes, enums are strings, `option` is a value or undefined, and a thrown value is `err`.
import { log } from 'example:logging/logger@0.1.0';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];
const MAX_PEOPLE = 100;
let threshold = 'info';

function logAt(level, message) {
  if (LEVELS.indexOf(level) >= LEVELS.indexOf(threshold)) log(level, 'greeter', message);
}

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

class Greeter {
  #tone;
  #count = 0n; // `u64` crosses the boundary as a BigInt.

  constructor(tone) {
    this.#tone = tone;
    logAt('debug', `new ${tone} greeter`);
  }

  greet(who) {
    this.#count += 1n;
    return phrase(this.#tone, who);
  }

  greetAll(people) {
    if (people.length > MAX_PEOPLE) throw { tag: 'too-many', val: people.length };
    const empty = people.findIndex((p) => p.name.length === 0);
    if (empty >= 0) {
      logAt('warn', `person ${empty} has no name`);
      throw { tag: 'empty-name', val: empty };
    }
    return people.map((p) => this.greet(p));
  }

  count() {
    return this.#count;
  }

  static casual() {
    return new Greeter('casual');
  }
}

export const greetings = {
  Greeter,
  hello(name) {
    return phrase('casual', { name });
  },
  setLogThreshold(level) {
    threshold = level;
  },
};
