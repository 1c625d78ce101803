'use strict';
// HTML+RDFa 1.1 (a W3C Recommendation) lets <meta> and <link> that carry a property attribute
// stand in the body, as GCWeb's header does for the Government of Canada's RDFa (its name, the
// country it serves, its logo). html-validate allows Microdata's itemprop there, not RDFa's
// property: this adds it, and changes nothing else of html-validate's HTML5 rules.
const { defineMetadata } = require('html-validate');
const html5 = require('html-validate/elements/html5');

const orProperty = (rule) => (node) => node.hasAttribute('property') || rule(node);

module.exports = defineMetadata({
  meta: { flow: orProperty(html5.meta.flow), phrasing: orProperty(html5.meta.phrasing) },
  link: { flow: orProperty(html5.link.flow), phrasing: orProperty(html5.link.phrasing) },
});
