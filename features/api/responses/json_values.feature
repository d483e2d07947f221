Feature: Single values of a JSON response
  As a client developer
  I want to rely on individual fields of the catalogue
  So that my client can read exactly the fields it needs

  Scenario: The first item has a name, a price and an id
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].name" should be "Cast-iron teapot"
    And the JSON value at "$.items[0].price" should be 34.5
    And the JSON value at "$.items[0].id" should be "#uuid"

  Scenario: An empty discount is there as null, internal fields never are
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].discount" should exist
    And the JSON value at "$.items[0].discount" should be null
    And the JSON value at "$.items[0].internal_cost" should not exist

  Scenario: Items are counted, and so are the values a filter selects
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items" should have length 3
    And the JSON value at "$.items[?@.price > 20]" should have length 2
    And the JSON value at "$.items[*].sku" should be ["TEA-001", "MUG-002", "LMP-003"]

  Scenario: Lists can be searched for an element
    When I send a GET request to "/samples/catalog"
    Then the JSON array at "$.items[0].tags" should contain "gift"
    And the JSON array at "$.items" should contain {"sku": "MUG-002", "price": 12.0}

  Scenario: A nested object can be compared as a whole
    When I send a GET request to "/samples/catalog/items/MUG-002"
    Then the response status should be 200
    And the JSON value at "$.discount" should be:
      """
      {"until": "2024-04-01T00:00:00Z", "percent": 10}
      """

  Scenario: A value saved from one response can be expected in the next
    Given I send a GET request to "/samples/catalog/items"
    And I save the JSON value at "$[1].sku" as "sku"
    When I send a GET request to "/samples/catalog/items/${sku}"
    Then the JSON value at "$.sku" should be "${sku}"
