#!/usr/bin/env node
require("../dist/code-cache.cjs").installCodeCache(require("node:path").join(__dirname, "..", "dist"));
require("../dist/cli.cjs");
