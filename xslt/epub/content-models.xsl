<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode e-book: an output of the HTML layers made valid XHTML, as an EPUB reader (and epubcheck)
  requires and a browser does not. TEI nests freely (a list in a paragraph, a paragraph in a
  quotation inside a note), and the layers render each element where it stands: a block inside
  an element that holds only phrasing becomes a span of the same class, shown as a block; what
  is neither an item nor a script in a list becomes an item of its own; an id given twice (a date
  shown in the fields and in the text) is kept on its first element only.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="e-book" on-no-match="shallow-copy"/>

  <xsl:variable name="ed:phrasing-only" as="xs:string*"
      select="'p', 'span', 'a', 'em', 'strong', 'i', 'b', 'u', 's', 'sup', 'sub', 'small', 'cite', 'q', 'abbr', 'time', 'code', 'mark', 'dfn', 'kbd', 'samp', 'var', 'data', 'bdi', 'bdo', 'label', 'del', 'ins', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'pre', 'caption', 'figcaption', 'summary', 'legend'"/>
  <xsl:variable name="ed:blocks" as="xs:string*"
      select="'p', 'div', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'main', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'figure', 'figcaption', 'pre', 'hr', 'details', 'summary', 'fieldset', 'legend'"/>

  <xsl:key name="ed:by-id" match="*[@id]" use="@id"/>

  <!-- The EPUB namespace declared once, on the part's outermost elements, not on each footnote call. -->
  <xsl:template match="/*" mode="e-book">
    <xsl:copy>
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <xsl:apply-templates select="@*, node()" mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="*[local-name() = $ed:blocks][ancestor::*[local-name() = $ed:phrasing-only]]" mode="e-book" priority="2">
    <span class="{normalize-space(string-join((@class, 'as-block'), ' '))}">
      <xsl:apply-templates select="@* except @class, node()" mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="(*:ul | *:ol)[not(ancestor::*[local-name() = $ed:phrasing-only])]/*" mode="e-book">
    <xsl:choose>
      <xsl:when test="local-name() = ('li', 'script', 'template')"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <li class="list-part"><xsl:next-match/></li>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whitespace between the items of a list, which a list may not hold as text. -->
  <xsl:template match="*:ul/text()[not(normalize-space())] | *:ol/text()[not(normalize-space())]" mode="e-book"/>

  <xsl:template match="@id[not(key('ed:by-id', ., root(.))[1] is ..)]" mode="e-book"/>

</xsl:stylesheet>
