Feature: Every element of a list
  As a client developer
  I want every catalogue item to have the same shape
  So that my client can show any item without special cases

  Scenario: Every item of the catalogue has the published shape
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items" should match:
      """
      {
        "id": "#uuid", "sku": "#regex [A-Z]{3}-\\d{3}", "name": "#string",
        "price": "#number", "tags": "#array", "stock": "#object",
        "discount": "##object", "added_at": "#datetime"
      }
      """
    And each element of the JSON array at "$.items[*].stock.quantity" should match:
      """
      "#number"
      """

  Scenario: Every gift is tagged as a gift
    When I send a GET request to "/samples/catalog?tag=gift"
    Then the JSON value at "$.count" should be 2
    And each element of the JSON array at "$.items" should contain:
      """
      {"tags": ["gift"]}
      """

  Scenario: A list response has items of the same shape
    When I send a GET request to "/samples/catalog/items"
    Then each element of the JSON response should contain:
      """
      {"stock": {"available": "#boolean"}}
      """
    And each element of the JSON response should match:
      """
      {
        "id": "#uuid", "sku": "#string", "name": "#string", "price": "#number",
        "tags": "#array", "stock": "#object", "discount": "##object", "added_at": "#datetime"
      }
      """

  Scenario: A tag nobody uses gives an empty catalogue, which is fine
    When I send a GET request to "/samples/catalog?tag=garden"
    Then the JSON value at "$.count" should be 0
    And each element of the JSON array at "$.items" should match (or be empty):
      """
      {"sku": "#string", "tags": ["garden"]}
      """
    And each element of the JSON array at "$.items" should contain (or be empty):
      """
      {"tags": ["garden"]}
      """

  Scenario: A tag nobody uses gives an empty list, which is fine
    When I send a GET request to "/samples/catalog/items?tag=garden"
    Then each element of the JSON response should match (or be empty):
      """
      {"sku": "#string"}
      """
    And each element of the JSON response should contain (or be empty):
      """
      {"tags": ["garden"]}
      """
