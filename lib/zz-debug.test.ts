// @vitest-environment happy-dom
import { it } from 'vitest';
import * as P from 'preact';
import 'preact/hooks';
it('x', () => { console.log('OPTS', Object.keys(P.options).join(',')); });
