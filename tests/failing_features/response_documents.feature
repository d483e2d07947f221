Feature: Deliberately wrong expectations about redirects, headers, bytes and XML
  As a feature writer
  I want each failure to say what was expected and what came, without dumping bytes
  So that I can tell at once whether the service or the feature is wrong

  Scenario: A followed redirect does not end where expected
    When I send a GET request to "/redirects/moved"
    Then the response status should be 301

  Scenario: A header that should be there is missing
    When I send a GET request to "/samples/ping"
    Then the response should have the header "X-Trace"

  Scenario: A header that should not be there is
    When I send a GET request to "/headers/repeated"
    Then the response should not have the header "X-Trace"

  Scenario: A list-valued header holds other items
    When I send a GET request to "/headers/repeated"
    Then the response header "Allow" should list "GET, POST" in any order

  Scenario: The body has another size
    When I send a GET request to "/documents/report.pdf"
    Then the response body should be 1000 bytes long

  Scenario: The download differs from the file
    When I send a GET request to "/documents/report.pdf"
    Then the response body should be the file "data/report_corrupted.pdf"

  Scenario: A binary body is described, not dumped
    When I send a GET request to "/documents/blob"
    Then the response body should contain "zzzz"

  Scenario: An XPath value is another
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[1]/@sku" should be "TEA-999"

  Scenario: An XPath value selects nothing
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[9]/@sku" should be "TEA-001"

  Scenario: An XPath value selects several nodes
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item/@sku" should be "TEA-001"

  Scenario: An XPath selects another number of nodes
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item" should select 4 nodes

  Scenario: An XPath selects another number of nodes than one
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[tags/tag = 'gift']" should select 1 node

  Scenario: An XPath that should exist does not
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[@sku='TEA-001']/discount" should exist

  Scenario: An XPath that should not exist does
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item/discount" should not exist

  Scenario: An XML document that declares an entity is refused
    When I send a GET request to "/documents/entity.xml"
    Then the XPath "/note" should be "Ada"

  Scenario: An XPath on a body that is not XML
    When I send a GET request to "/samples/catalog"
    Then the XPath "/catalog" should exist
