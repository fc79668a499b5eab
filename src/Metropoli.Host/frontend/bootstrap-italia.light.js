/*
 * The Bootstrap Italia JavaScript that Metropoli's pages use, and nothing else (ADR 0036).
 * The full bundle (bootstrap-italia.bundle.min.js, 1.0 MB) carries every component; the pages need:
 *  - init: TrackFocus (the focus ring shown to keyboard users only);
 *  - NavBarCollapsible: the header's menu on small screens (data-bs-toggle="navbarcollapsible");
 *  - Input: the labels of .form-group fields that move up when the field has a value or the focus.
 * A page that starts using another component (data-bs-toggle="collapse", "dropdown", "modal", a tooltip…)
 * must add its import here: FrontEndBundleTests fails when a data-bs-toggle value has no import.
 */
import 'bootstrap-italia/dist/plugins/init.js';
import NavBarCollapsible from 'bootstrap-italia/dist/plugins/navbar-collapsible.js';
import Input from 'bootstrap-italia/dist/plugins/input.js';

window.bootstrap = Object.assign(window.bootstrap || {}, { NavBarCollapsible, Input });
