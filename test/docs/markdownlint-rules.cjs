// Custom markdownlint rules for this repository's Markdown (README.md, docs/, CHANGELOG.md), on top of
// markdownlint's own: each guards a way the docs have broken before. Line-based (parser "none").
const { existsSync, readFileSync, statSync } = require("fs");
const { dirname, resolve } = require("path");

const FENCE = /^\s{0,3}(`{3,}|~{3,})(.*)$/;

/** The fenced code blocks of a file: opening line (1-based), closing line (or undefined), info string. */
function fences(lines) {
  const blocks = [];
  let open;
  lines.forEach((line, i) => {
    const m = FENCE.exec(line);
    if (!m) return;
    if (!open) {
      open = { start: i + 1, marker: m[1], info: m[2].trim() };
    } else if (m[1][0] === open.marker[0] && m[1].length >= open.marker.length && m[2].trim() === "") {
      blocks.push({ ...open, end: i + 1 });
      open = undefined;
    }
  });
  if (open) blocks.push({ ...open, end: undefined });
  return blocks;
}

function inFence(blocks, lineNumber) {
  return blocks.some((b) => lineNumber > b.start && (b.end === undefined || lineNumber < b.end));
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown file's headings outside code, with -1, -2… for repeats, as GitHub makes them. */
function anchorsOf(text) {
  const lines = text.split(/\r?\n/);
  const blocks = fences(lines);
  const seen = new Map();
  const anchors = new Set();
  lines.forEach((line, i) => {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m || inFence(blocks, i + 1)) return;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  });
  return anchors;
}

module.exports = [
  {
    names: ["fence-closed"],
    description: "Every code fence is closed (an unclosed fence turns the rest of the page into code)",
    tags: ["code"],
    parser: "none",
    function: (params, onError) => {
      for (const block of fences(params.lines)) {
        if (block.end === undefined) onError({ lineNumber: block.start, detail: `the fence opened here (${block.marker}${block.info}) is never closed` });
      }
    },
  },
  {
    names: ["no-heading-in-code"],
    description: "No Markdown heading inside a code block (the sign of a fence closed in the wrong place)",
    tags: ["code", "headings"],
    parser: "none",
    function: (params, onError) => {
      const blocks = fences(params.lines).filter((b) => !/^(md|markdown)\b/.test(b.info));
      params.lines.forEach((line, i) => {
        if (/^#{2,6} \S/.test(line) && inFence(blocks, i + 1)) onError({ lineNumber: i + 1, detail: line.trim() });
      });
    },
  },
  {
    names: ["table-no-duplicate-rows"],
    description: "A table lists each row once",
    tags: ["table"],
    parser: "none",
    function: (params, onError) => {
      const blocks = fences(params.lines);
      let seen;
      params.lines.forEach((line, i) => {
        const isRow = /^\s*\|.*\|\s*$/.test(line) && !inFence(blocks, i + 1);
        if (!isRow) return void (seen = undefined);
        if (!seen) return void (seen = new Map()); // the header row
        if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) return; // the delimiter row
        const row = line.split("|").map((cell) => cell.trim()).join("|");
        if (seen.has(row)) onError({ lineNumber: i + 1, detail: `the same row as line ${seen.get(row)}` });
        else seen.set(row, i + 1);
      });
    },
  },
  {
    names: ["relative-links-resolve"],
    description: "Relative links point at files that exist, and #anchors at headings that exist",
    tags: ["links"],
    parser: "none",
    function: (params, onError) => {
      const blocks = fences(params.lines);
      const here = resolve(params.name);
      params.lines.forEach((line, i) => {
        if (inFence(blocks, i + 1)) return;
        const code = line.replace(/`[^`]*`/g, (s) => " ".repeat(s.length));
        for (const m of code.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
          const target = m[1];
          if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
          const [path, anchor] = target.split("#");
          const file = path === "" ? here : resolve(dirname(here), decodeURIComponent(path));
          if (!existsSync(file)) {
            onError({ lineNumber: i + 1, detail: `${target}: no file ${path}` });
            continue;
          }
          if (anchor === undefined || statSync(file).isDirectory() || !file.endsWith(".md")) continue;
          if (!anchorsOf(readFileSync(file, "utf8")).has(anchor)) onError({ lineNumber: i + 1, detail: `${target}: no heading #${anchor} in ${path || "this file"}` });
        }
      });
    },
  },
];
module.exports.fences = fences;
module.exports.anchorsOf = anchorsOf;
