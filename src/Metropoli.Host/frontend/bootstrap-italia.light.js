/*
 * The Bootstrap Italia JavaScript that Metropoli's pages use, and nothing else (ADR 0036).
 * The full bundle (bootstrap-italia.bundle.min.js, 1.0 MB) carries every component; the pages need:
 *  - init: TrackFocus (the focus ring shown to keyboard users only);
 *  - NavBarCollapsible: the header's menu on small screens (data-bs-toggle="navbarcollapsible");
 *  - Input: the labels of .form-group fields that move up when the field has a value or the focus;
 *  - Dropdown: the header's administration menu and the slim header's user menu (data-bs-toggle="dropdown"; with
 *    Popper, which positions the menu). Without JavaScript the desk repeats those links (ADR 0038).
 * A page that starts using another component (data-bs-toggle="collapse", "dropdown", "modal", a tooltip…)
 * must add its import here: FrontEndBundleTests fails when a data-bs-toggle value has no import.
 */
import 'bootstrap-italia/dist/plugins/init.js';
import NavBarCollapsible from 'bootstrap-italia/dist/plugins/navbar-collapsible.js';
import Input from 'bootstrap-italia/dist/plugins/input.js';
import Dropdown from 'bootstrap-italia/dist/plugins/dropdown.js';

window.bootstrap = Object.assign(window.bootstrap || {}, { NavBarCollapsible, Input, Dropdown });
