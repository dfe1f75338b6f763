import './style.css';
import { browserOptionsEnv } from '../../lib/options/env';
import { mountOptions } from '../../lib/options/OptionsApp';

const root = document.getElementById('app');
if (root) mountOptions(root, browserOptionsEnv());
