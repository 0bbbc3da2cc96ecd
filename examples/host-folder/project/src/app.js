// TODO: read the port from the environment
const port = 8080;

function greet(name) {
  // TODO: escape the name
  return `<p>Hello, ${name}</p>`;
}

module.exports = { port, greet };
