Feature: Numbers within bounds
  As a client developer
  I want to check prices, stock and counts against bounds rather than exact values
  So that the scenarios keep passing while the catalogue changes within its rules

  Scenario: A price and a stock level are within their bounds
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.price" should be greater than 10
    And the JSON value at "$.price" should be less than 100
    And the JSON value at "$.stock.quantity" should be at least 1
    And the JSON value at "$.stock.quantity" should be between 1 and 500

  Scenario: The catalogue lists some items, and few expensive ones
    When I send a GET request to "/samples/catalog"
    Then the number of elements at "$.items" should be at least 1
    And the number of elements at "$.items[?@.price > 20]" should be at most 2
    And the JSON value at "$.count" should be at most 3

  Scenario: Arrays are checked by size and by their elements, numbers by a condition
    When I send a GET request to "/samples/catalog"
    Then the JSON response should contain:
      """
      {"items": "#[3]", "count": "#? between 1 and 10"}
      """
    And the JSON value at "$.items[*].price" should be "#[3] #? > 0"
    And each element of the JSON array at "$.items" should contain:
      """
      {"tags": "#[] #string", "stock": {"quantity": "#? >= 0"}, "discount": "##object"}
      """
