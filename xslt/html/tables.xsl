<?xml version="1.0" encoding="UTF-8"?>
<!-- Tables, as a Word file or a typescript has them: rows of cells, a cell of labels (role="label") a header cell. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- A table of rows. -->
  <xsl:template match="tei:table">
    <table class="table" data-tei="table"><tbody><xsl:apply-templates select="tei:row"/></tbody></table>
  </xsl:template>

  <!-- A row of cells. -->
  <xsl:template match="tei:row">
    <tr data-tei="row"><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>

  <!-- A cell, spanning as many columns and rows as it says. -->
  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="data-tei" select="'cell'"/>
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
