// The text of a tagged PDF in structure order, as pdf.js (npm pdfjs-dist) reads it:
// one line per structure element that holds text, "Role<TAB>text", page by page.
// A cross-check of pdfcheck's own walk (pdfcheck::text_in_structure_order) and of
// `pdfinfo -struct-text`, which tests/test_tagged_pdf.cpp runs on the sample reports.
//
//   npm ci --prefix tests/pdfjs --omit=optional   (scripts/setup.sh does it; the version is locked)
//   node tests/pdfjs/structure-text.mjs FILE.pdf
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node tests/pdfjs/structure-text.mjs FILE.pdf");
  process.exit(2);
}
const data = new Uint8Array(await readFile(file));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
let tagged = false;
for (let number = 1; number <= pdf.numPages; ++number) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent({ includeMarkedContent: true });
  // Text of each marked-content sequence with an id (pdf.js names them "p<page>R_mc<MCID>").
  const textOf = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.id ?? null);
    else if (item.type === "endMarkedContent") open.pop();
    else if (typeof item.str === "string") {
      const id = open.findLast((candidate) => candidate !== null);
      if (id) textOf.set(id, (textOf.get(id) ?? "") + item.str);
    }
  }
  const tree = await page.getStructTree();
  if (!tree) continue;
  tagged = true;
  const visit = (node) => {
    let text = "";
    for (const child of node.children ?? []) {
      if (child.type === "content") text += textOf.get(child.id) ?? "";
      else if (child.role !== undefined) {
        if (text) console.log(`${node.role}\t${text}`);
        text = "";
        visit(child);
      }
    }
    if (text) console.log(`${node.role}\t${text}`);
  };
  visit(tree);
}
if (!tagged) {
  console.error(`${file}: no structure tree`);
  process.exit(1);
}
