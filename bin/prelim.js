#!/usr/bin/env node
require("../dist/code-cache.cjs").installCodeCache(require("node:path").join(__dirname, "..", "dist"), process.argv.slice(2));
require("../dist/cli.cjs");
