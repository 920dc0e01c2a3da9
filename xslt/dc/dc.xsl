<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's header as Dublin Core (oai_dc), for repositories that harvest OAI-PMH: title,
  date, summary, who and where it is about (standard names from the authority lists), source,
  rights and the document's stable URL.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei ed">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="date" select="ed:document-date($tei)"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="entries" select="($header | ed:texts($tei))//*[ed:is-mention(.)][@ref] ! ed:entry(@ref)"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title><xsl:value-of select="ed:title($tei)"/></dc:title>
      <xsl:for-each select="$ed:edition?editors?*">
        <dc:contributor><xsl:value-of select="."/></dc:contributor>
      </xsl:for-each>
      <xsl:if test="$date">
        <dc:date><xsl:value-of select="($date/@when, $date/@notBefore, $date/@from, $date/@notAfter)[1]"/></dc:date>
      </xsl:if>
      <xsl:for-each select="$header/tei:profileDesc/tei:abstract">
        <dc:description><xsl:value-of select="normalize-space(.)"/></dc:description>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($entries[self::tei:person or self::tei:org or self::tei:event or self::tei:object] ! ed:standard-name(.))">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($entries[self::tei:place] ! ed:standard-name(.))">
        <dc:coverage><xsl:value-of select="."/></dc:coverage>
      </xsl:for-each>
      <xsl:if test="$date">
        <dc:coverage><xsl:value-of select="ed:date-label($date)"/></dc:coverage>
      </xsl:if>
      <dc:source><xsl:value-of select="normalize-space($header/tei:fileDesc/tei:sourceDesc)"/></dc:source>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:for-each select="($tei/@xml:lang, $ed:edition?language)[1]">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:if test="$ed:edition?baseUrl">
        <dc:identifier><xsl:value-of select="$ed:edition?baseUrl || 'documents/' || encode-for-uri($document-id) || '.html'"/></dc:identifier>
      </xsl:if>
      <dc:relation><xsl:value-of select="$ed:edition?title"/></dc:relation>
      <dc:rights><xsl:value-of select="string-join(($ed:edition?licence?name, $ed:edition?licence?url), ', ')"/></dc:rights>
    </oai_dc:dc>
  </xsl:template>

</xsl:stylesheet>
