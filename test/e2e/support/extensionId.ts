// The extension's identifier as VS Code knows it (`publisher.name` in package.json), for the
// tests inside the extension host, the web worker host and Node alike: no imports, so every
// bundle can include it.

export const EXTENSION_ID = 'wit-language-tools.wit-language-tools';
