// Ace by DAISY (a test's EPUB accessibility checker) runs puppeteer with Debian's Chromium: never download a browser at install time.
module.exports = { skipDownload: true };
