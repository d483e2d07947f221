Feature: JSON Schema validation
  As a client developer
  I want responses checked against their published JSON Schemas
  So that my client's assumptions about types and required fields keep holding

  Scenario: The catalogue matches its published schemas
    When I send a GET request to "/samples/catalog"
    Then the response status should be 200
    And the JSON response should match the schema in "schemas/catalog.json"
    And the JSON value at "$.items[0]" should match the schema in "schemas/catalog_item.json"

  Scenario: An item can be checked against a schema written in the scenario
    When I send a GET request to "/samples/catalog/items/LMP-003"
    Then the JSON response should match the schema:
      """
      {
        "type": "object",
        "required": ["sku", "price"],
        "properties": {"price": {"type": "number", "exclusiveMinimum": 0}}
      }
      """
    And the JSON value at "$.stock" should match the schema:
      """
      {
        "type": "object",
        "required": ["available", "quantity"],
        "properties": {"quantity": {"type": "integer", "minimum": 0}}
      }
      """
