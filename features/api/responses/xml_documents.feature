Feature: XML documents
  As a client developer of a service that answers XML
  I want to check an XML response with XPath
  So that I can specify its content as precisely as a JSON one

  Scenario: An attribute and an element of the catalogue have their values
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[1]/@sku" should be "TEA-001"
    And the XPath "/catalog/item[@sku='MUG-002']/price" should be "12.00"
    And the XPath "count(//tag[. = 'gift'])" should be "2"

  Scenario: The catalogue has three items, one of them on sale
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item" should select 3 nodes
    And the XPath "/catalog/item[discount]" should select 1 node

  Scenario: Only the items on sale have a discount
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[@sku='MUG-002']/discount" should exist
    And the XPath "/catalog/item[@sku='TEA-001']/discount" should not exist
