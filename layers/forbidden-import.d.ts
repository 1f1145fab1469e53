// The tsconfig "paths" of a layer map a module it must not import (electron outside main/electron, Node's
// modules in the renderer) to this file. It is not a module, so the import fails to compile:
// "File '.../layers/forbidden-import.d.ts' is not a module" (TS2306).
