#!/usr/bin/env node
import { ensureModernNode } from '../scripts/modern-node.js';

ensureModernNode();
await import('../src/cli/main.ts');
