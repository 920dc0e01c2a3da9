<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every HTML page: head, site header with navigation, footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Only the edition's own files may load: no script, no external font, no remote request. -->
  <xsl:variable name="ed:content-security-policy"
      select="&quot;default-src 'none'; style-src 'self' file:; img-src 'self' file: data:; font-src 'self' file:; base-uri 'none'; form-action 'none'&quot;"/>

  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="main" as="node()*"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="{$ed:content-security-policy}"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="string-join(($title[. != ''], $ed:edition?title), ' — ')"/></title>
        <link rel="stylesheet" href="{$path-to-root}assets/edition.css"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-title"><a href="{$path-to-root}index.html"><xsl:value-of select="$ed:edition?title"/></a></p>
          <nav class="site-nav" aria-label="Edition">
            <ul>
              <li><a href="{$path-to-root}index.html#documents">Documents</a></li>
              <xsl:for-each select="$authorities//tei:standOff/*[map:contains($ed:registers, local-name())]">
                <li><a href="{$path-to-root}registers/{$ed:registers(local-name())?page}.html"><xsl:value-of select="$ed:registers(local-name())?title"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:sequence select="$main"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$ed:edition?title"/>
            <xsl:text>. Edited by </xsl:text>
            <xsl:value-of select="string-join($ed:edition?editors?*, ', ')"/>
            <xsl:text>. </xsl:text>
            <xsl:variable name="licence-url" select="ed:safe-href($ed:edition?licence?url)"/>
            <xsl:choose>
              <xsl:when test="$licence-url"><a rel="license" href="{$licence-url}"><xsl:value-of select="$ed:edition?licence?name"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$ed:edition?licence?name"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>.</xsl:text>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
