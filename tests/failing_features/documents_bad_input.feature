Feature: Deliberately bad input to the method, file, download, header-list and XPath steps
  As a feature writer
  I want a mistake in a step reported as a sentence that names it
  So that I can fix the feature without reading the kit's code

  Scenario: A method that is not a token
    When I send a GE(T request to "/methods/echo"

  Scenario: A body file that does not exist
    When I send a POST request to "/inspect" with the file "data/no-such-order.xml" as the body

  Scenario: An empty content type for a body file
    When I send a POST request to "/inspect" with the file "data/order.xml" as a " " body

  Scenario: Saving a download outside the features directory
    Given I send a GET request to "/documents/report.pdf"
    When I save the response body to the file "../escaped-report.pdf"

  Scenario: An expected file that does not exist
    When I send a GET request to "/documents/report.pdf"
    Then the response body should be the file "data/no-such-report.pdf"

  Scenario: An empty list of expected header values
    When I send a GET request to "/headers/repeated"
    Then the response header "Allow" should list " " in any order

  Scenario: An invalid XPath
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "/catalog/item[" should exist

  Scenario: Counting the nodes of a computed value
    When I send a GET request to "/documents/catalog.xml"
    Then the XPath "count(/catalog/item)" should select 3 nodes

  Scenario: Query parameters without a table
    Given the query parameters are:
    When I send a GET request to "/inspect"
