<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parts of a letter (TEI's textstructure and corresp modules): its opening and closing, the
  dateline, the salutation and signature, a postscript, an address. Each is laid out as a letter
  lays them out (src: xslt/common/genres.css): a dateline and a signature to the right, the
  closing set off from the text, a postscript set apart below it, an address line by line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!--
    Parts that hold either blocks (a closer of a salute and a signature) or a run of words with
    parts in it ("Herzlich Ihr <signed>Arthur</signed>"): a section, or a block, as they hold.
  -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:address | tei:dateline | tei:salute | tei:signed
                       | tei:byline | tei:epigraph | tei:argument | tei:trailer | tei:docImprint | tei:docEdition">
    <xsl:call-template name="ed:text-part"/>
  </xsl:template>

  <!-- A line of an address is a line of its own, in the address as on the envelope. -->
  <xsl:template match="tei:addrLine">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'line'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An address on the envelope or letterhead written in parts (street, postCode, settlement) reads as one line per part. -->
  <xsl:template match="tei:address/tei:street | tei:address/tei:postCode | tei:address/tei:postBox | tei:address/tei:name
                       | tei:address/tei:settlement | tei:address/tei:country | tei:address/tei:region | tei:address/tei:district" priority="2">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'line'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    What an element that is a part of a text's structure renders as, where it stands: among
    blocks, a section of blocks (when it holds only elements) or a block of words; within a line
    of words, a phrase, its parts set apart by a space.
  -->
  <xsl:template name="ed:text-part">
    <xsl:param name="kind" as="xs:string" select="local-name()"/>
    <!-- What it holds, when a rule says (a speaker's mention of its role). -->
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:choose>
      <!-- (A part that holds only phrases, an address line of a name in a highlight, is a block of words.) -->
      <xsl:when test="ed:in-block-context(.) and ed:is-container(.) and empty($content) and exists(*[not(ed:is-phrase(.))])">
        <xsl:call-template name="ed:section">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="ed:in-block-context(.)">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:choose>
              <xsl:when test="exists($content)"><xsl:sequence select="$content"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:choose>
              <xsl:when test="exists($content)"><xsl:sequence select="$content"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="ed:spaced-parts"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element's content; when it holds only elements, each apart from the next by a space (the words of blocks set in a line). -->
  <xsl:template name="ed:spaced-parts">
    <xsl:choose>
      <xsl:when test="ed:is-container(.)">
        <xsl:for-each select="*">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
