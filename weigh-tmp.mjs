import puppeteer from 'puppeteer-core';
const url = process.argv[2];
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless=new'] });
const p = await b.newPage();
await p.setViewport({ width: 1280, height: 900 });
const cdp = await p.createCDPSession();
await cdp.send('Network.enable');
let rows = []; const urls = {};
cdp.on('Network.requestWillBeSent', e => urls[e.requestId] = e.request.url);
cdp.on('Network.loadingFinished', e => rows.push([urls[e.requestId], e.encodedDataLength]));
for (const phase of ['first', 'repeat']) {
  const t0 = Date.now();
  await p.goto(url, { waitUntil: 'networkidle0' });
  const dcl = await p.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.domContentLoadedEventEnd); });
  await new Promise(r => setTimeout(r, 300));
  console.log(phase, rows.reduce((a, r) => a + r[1], 0), 'bytes in', rows.filter(r => r[1] > 0).length, 'transfers; DOMContentLoaded', dcl, 'ms');
  for (const r of rows.sort((a,b)=>b[1]-a[1])) console.log('   ', r[1], r[0].replace(/\?v=.*/, ''));
  rows = [];
}
await b.close();
