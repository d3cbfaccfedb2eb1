import { render } from 'preact';
import '../shared/ui.css';
import './popup.css';
import { PopupApp } from './App.tsx';
import { browserPopupHost } from './popup-host.ts';

const root = document.getElementById('app');
if (root !== null) {
  if (new URLSearchParams(location.search).has('tabId')) document.body.classList.add('in-tab');
  render(<PopupApp host={browserPopupHost(location, navigator.languages)} />, root);
}
