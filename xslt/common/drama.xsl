<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plays (TEI's drama module), as printed editions of plays set them: the cast list as dramatis
  personae (groups with their description, each role with its description), each speech with
  its speaker set apart, stage directions in italics (between brackets within a speech), verse
  lines numbered (xslt/common/verse.xsl), prose speeches as paragraphs.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!-- The cast list, headed by its own heading, else as printed editions in the edition's language head it. -->
  <xsl:template match="tei:castList">
    <xsl:call-template name="ed:section">
      <xsl:with-param name="kind" select="'castList'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="empty(tei:head)">
          <xsl:call-template name="ed:block">
            <xsl:with-param name="kind" select="'head'"/>
            <xsl:with-param name="content" as="node()*"><xsl:value-of select="ed:text('drama.cast')"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A group of the cast, a speech, a group of speeches, a prologue or epilogue, the setting: parts of the text of their kind. -->
  <xsl:template match="tei:castGroup | tei:sp | tei:spGrp | tei:prologue | tei:epilogue | tei:performance | tei:set">
    <xsl:call-template name="ed:text-part"/>
  </xsl:template>

  <!-- A speaker: a block of its own, and, where its speech says who speaks (sp/@who), a mention of that role, linked to its entry. -->
  <xsl:template match="tei:speaker">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="ed:is-mention(.)"><xsl:call-template name="ed:mention"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A role and its description on one line, set apart by a comma unless the source punctuates them ("Ferdinand, sein Sohn"). -->
  <xsl:template match="tei:castItem">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="'castItem'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="ed:is-container(.)">
            <xsl:for-each select="*">
              <xsl:if test="position() gt 1">
                <xsl:value-of select="if (matches(normalize-space(preceding-sibling::*[1]), '[,;:.!?–—-]$')) then ' ' else ', '"/>
              </xsl:if>
              <xsl:apply-templates select="."/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A role, its actor and its description within a line of the cast list. -->
  <xsl:template match="tei:role | tei:actor | tei:castItem/tei:roleDesc">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="content" as="node()*"><xsl:call-template name="ed:spaced-parts"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A group's description, standing in the group of the cast ("four lovers"). -->
  <xsl:template match="tei:roleDesc">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'roleDesc'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A cast item naming no one (a group's placeholder, "ATTENDANTS") has nothing to read. -->
  <xsl:template match="tei:castItem[not(normalize-space())]" priority="2"/>

  <!-- The words of a stage direction, without the layout space at its ends, which would stand inside its brackets. -->
  <xsl:template match="tei:stage/text()[not(preceding-sibling::node())]" priority="0.7">
    <xsl:value-of select="replace(., if (following-sibling::node()) then '^\s+' else '^\s+|\s+$', '')"/>
  </xsl:template>

  <xsl:template match="tei:stage/text()[not(following-sibling::node())][preceding-sibling::node()]" priority="0.7">
    <xsl:value-of select="replace(., '\s+$', '')"/>
  </xsl:template>

  <!--
    A stage direction: among the speeches, a block of its own; within a speech or a line, set
    between brackets unless the source brackets it. Formats that set it in no italics (plain
    text) bracket the blocks too ($ed:bracket-stage-blocks).
  -->
  <xsl:template match="tei:stage | tei:view | tei:camera | tei:sound | tei:tech | tei:caption">
    <xsl:variable name="bracketed" select="matches(normalize-space(.), '^[(\[].*[)\]]\.?$')"/>
    <xsl:variable name="in-block" select="ed:in-block-context(.)"/>
    <xsl:variable name="content" as="node()*">
      <xsl:if test="not($bracketed) and (not($in-block) or $ed:bracket-stage-blocks)">[</xsl:if>
      <xsl:call-template name="ed:spaced-parts"/>
      <xsl:if test="not($bracketed) and (not($in-block) or $ed:bracket-stage-blocks)">]</xsl:if>
    </xsl:variable>
    <xsl:choose>
      <!-- A direction made of directions ("Enter Oberon," "who anoints …"): a section of them. -->
      <xsl:when test="$in-block and ed:is-container(.)">
        <xsl:call-template name="ed:section">
          <xsl:with-param name="kind" select="'stage'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$in-block">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="'stage'"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="'stage'"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="ed:bracket-stage-blocks" as="xs:boolean" select="false()"/>

</xsl:stylesheet>
