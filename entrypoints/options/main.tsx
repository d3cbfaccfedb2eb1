import { render } from 'preact';
import '../shared/ui.css';
import './options.css';
import { OptionsApp } from './App.tsx';
import { browserOptionsHost } from './options-host.ts';

const root = document.getElementById('app');
if (root !== null) {
  render(<OptionsApp host={browserOptionsHost(document, navigator.languages)} />, root);
}
