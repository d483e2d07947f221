Feature: Query parameters from a table
  As a tester of an API that filters and pages with query parameters
  I want to list the parameters in a table
  So that long or repeated parameters stay readable and are URL-encoded for me

  Scenario: The parameters of the table are sent, URL-encoded
    When I send a GET request to "/inspect" with the query parameters:
      | name | value        |
      | q    | ada lovelace |
      | page | 2            |
    Then the response status should be 200
    And the JSON value at "$.query" should be {"q": ["ada lovelace"], "page": ["2"]}

  Scenario: A name on several rows is sent several times, in order
    When I send a GET request to "/inspect" with the query parameters:
      | name | value   |
      | tag  | math    |
      | tag  | history |
    Then the JSON value at "$.query.tag" should be ["math", "history"]

  Scenario: The parameters of the table are added to a query already in the path
    When I send a GET request to "/inspect?sort=name" with the query parameters:
      | name | value |
      | page | 2     |
    Then the JSON value at "$.query" should be {"sort": ["name"], "page": ["2"]}
