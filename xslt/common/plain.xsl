<?xml version="1.0" encoding="UTF-8"?>
<!--
  Elements the general rule (common.xsl, match="*") renders as they should be, each with the
  reason: their words read as they stand, in reading order, and nothing about them is for a
  reader to see. They are not reported as unrendered (build report, data-fallback); the table of
  elements in the documentation (npm run docs:elements) quotes these reasons.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:plain-elements" as="map(xs:string, xs:string)" select="
    let $analysis := 'Linguistic or analytic markup (a word, a character, a segment): its words read as they stand.',
        $name-part := 'A part of a name: the name it belongs to is what is marked and linked.',
        $number := 'A number, measure or time in running text reads as the source writes it.',
        $record := 'A field of an index record: register pages show records; in running text its words read as written.',
        $place-part := 'A part of a place name or address: read as written; the place name around it is marked.'
    return map {
      'seg': $analysis, 'c': $analysis, 'g': $analysis, 'w': $analysis, 'pc': $analysis, 'm': $analysis, 's': $analysis, 'cl': $analysis,
      'phr': $analysis, 'span': $analysis, 'interp': $analysis, 'distinct': $analysis,
      'forename': $name-part, 'surname': $name-part, 'addName': $name-part, 'genName': $name-part, 'nameLink': $name-part, 'persPronouns': $name-part,
      'measure': $number, 'measureGrp': $number, 'num': $number, 'time': $number, 'unit': $number,
      'settlement': $place-part, 'district': $place-part, 'region': $place-part, 'country': $place-part, 'bloc': $place-part,
      'geogName': $place-part, 'geogFeat': $place-part, 'street': $place-part, 'postCode': $place-part, 'postBox': $place-part, 'offset': $place-part,
      'location': $record, 'geo': $record, 'affiliation': $record, 'occupation': $record, 'education': $record, 'faith': $record,
      'nationality': $record, 'residence': $record, 'sex': $record, 'gender': $record, 'age': $record, 'state': $record, 'trait': $record,
      'socecStatus': $record, 'langKnowledge': $record, 'langKnown': $record, 'birth': $record, 'death': $record, 'floruit': $record,
      'population': $record, 'climate': $record, 'terrain': $record,
      'dim': $number, 'depth': $number, 'height': $number, 'width': $number,
      'person': $record, 'place': $record, 'org': $record, 'event': $record, 'object': $record, 'objectIdentifier': $record,
      'desc': 'A description the editors give (of a stamp, an incident, a gap): its words read as written where it stands.',
      'label': 'A label of a list item or a passage: read in its place, before what it labels.',
      'signatures': 'A manuscript''s collation formula: read as written within its description.',
      'wit': 'The witnesses of a reading written as words: read as written, after the reading.',
      'witDetail': 'A note on a witness''s reading: its words read where they stand.',
      'listWit': 'A list of the witnesses an apparatus cites, with their sigla: read as a list of its entries.',
      'witness': 'A witness an apparatus cites: its siglum and description read as written.',
      'witStart': 'Where a witness''s text begins or ends, or a lacuna in it: a point in the text with no words to show.',
      'witEnd': 'Where a witness''s text begins or ends, or a lacuna in it: a point in the text with no words to show.',
      'lacunaStart': 'Where a witness''s text begins or ends, or a lacuna in it: a point in the text with no words to show.',
      'lacunaEnd': 'Where a witness''s text begins or ends, or a lacuna in it: a point in the text with no words to show.',
      'variantEncoding': 'Declares how the apparatus is encoded (in the header): nothing for a reader to see.'
    }"/>

  <!-- Whether the general rule is the right one for an element (TEI elements only: another namespace is always reported). -->
  <xsl:function name="ed:renders-plainly" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="namespace-uri($e) = 'http://www.tei-c.org/ns/1.0' and map:contains($ed:plain-elements, local-name($e))"/>
  </xsl:function>

</xsl:stylesheet>
