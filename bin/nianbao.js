#!/usr/bin/env node
'use strict';
require('../dist/cli/main.js').runFromCommandLine(process.argv.slice(2));
