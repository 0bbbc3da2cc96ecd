/** Guest sources are bundled as text: `import src from "./guest/x.js?text"`. */
declare module "*?text" {
  const text: string;
  export default text;
}
