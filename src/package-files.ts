// The files that ship with prelim, found from this module's own place rather than from each caller's:
// in the bundle a module's code lands in whichever chunk the splitter chooses, so `import.meta.url`
// elsewhere says nothing reliable about where it came from. This module sits at the top of src/, and
// scripts/build-bundle.js fails the build unless its code sits at the top of dist/, so from either
// `../` is the package and `./` is the folder of the running code (dist/ holds what the build generates;
// src/ holds none of it, which is how code run from source knows it is).

/** A file of the package: package.json, questions/, schema/. */
export function packageFile(name: string): URL {
  return new URL(`../${name}`, import.meta.url);
}

/** A file the build generates beside the code (dist/bank/…); absent when running from source. */
export function builtFile(name: string): URL {
  return new URL(`./${name}`, import.meta.url);
}
