Feature: Deliberately wrong expectations about JSON responses
  As the maintainers of the step library
  We want every JSON assertion step to fail on a wrong expectation
  So that a passing suite means something

  Scenario: JSON value is not the inline value
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].price" should be 35

  Scenario: JSON value is missing
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].colour" should be "red"

  Scenario: JSON value is not the doc-string
    When I send a GET request to "/samples/catalog/items/MUG-002"
    Then the JSON value at "$.discount" should be:
      """
      {"percent": 20, "until": "#datetime"}
      """

  Scenario: JSON response is not the doc-string
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should be:
      """
      {
        "id": "#uuid", "sku": "TEA-001", "name": "Teapot", "price": "#string",
        "tags": ["kitchen", "gift"], "stock": "#object", "discount": null
      }
      """

  Scenario: JSON response does not contain the doc-string
    When I send a GET request to "/samples/catalog"
    Then the JSON response should contain:
      """
      {"currency": "USD", "count": 3}
      """

  Scenario: JSON value does not contain the doc-string
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[1]" should contain:
      """
      {"stock": {"available": false}}
      """

  Scenario: JSON response does not contain only the doc-string
    When I send a GET request to "/samples/catalog/items?tag=gift"
    Then the JSON response should contain only:
      """
      [
        {
          "id": "#uuid", "sku": "LMP-003", "name": "#string", "price": "#number",
          "tags": ["gift", "living-room"], "stock": "#object", "discount": null,
          "added_at": "#datetime"
        }
      ]
      """

  Scenario: JSON value does not contain only the doc-string
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[*].sku" should contain only:
      """
      ["LMP-003", "TEA-001", "XYZ-999"]
      """

  Scenario: JSON response contains none of the doc-string
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should contain any of:
      """
      {"sku": "XYZ-999", "name": "Kettle"}
      """

  Scenario: JSON value contains none of the doc-string
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.tags" should contain any of:
      """
      ["sale", "clearance"]
      """

  Scenario: JSON response contains one of the unwanted values
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should contain none of:
      """
      {"sku": "TEA-001", "name": "Kettle"}
      """

  Scenario: JSON value contains one of the unwanted values
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.tags" should contain none of:
      """
      ["sale", "gift"]
      """

  Scenario: An element of the JSON response does not match
    When I send a GET request to "/samples/catalog/items"
    Then each element of the JSON response should match:
      """
      {
        "id": "#uuid", "sku": "#string", "name": "#string", "price": "#number",
        "tags": "#array", "stock": "#object", "discount": "#null", "added_at": "#datetime"
      }
      """

  Scenario: An element of the JSON array does not match
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items[*].price" should match:
      """
      "#string"
      """

  Scenario: The JSON response is an empty array for each
    When I send a GET request to "/samples/catalog/items?tag=garden"
    Then each element of the JSON response should match:
      """
      {"sku": "#string"}
      """

  Scenario: The JSON array is empty for each
    When I send a GET request to "/samples/catalog?tag=garden"
    Then each element of the JSON array at "$.items" should match:
      """
      {"sku": "#string"}
      """

  Scenario: An element of the JSON response does not match, empty allowed
    When I send a GET request to "/samples/catalog/items"
    Then each element of the JSON response should match (or be empty):
      """
      {"sku": "#string"}
      """

  Scenario: An element of the JSON array does not match, empty allowed
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items[*].tags" should match (or be empty):
      """
      ["#string", "#string"]
      """

  Scenario: An element of the JSON response does not contain
    When I send a GET request to "/samples/catalog/items"
    Then each element of the JSON response should contain:
      """
      {"tags": ["gift"]}
      """

  Scenario: An element of the JSON array does not contain
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items" should contain:
      """
      {"stock": {"available": true}}
      """

  Scenario: An element of the JSON response does not contain, empty allowed
    When I send a GET request to "/samples/catalog/items"
    Then each element of the JSON response should contain (or be empty):
      """
      {"price": "#string"}
      """

  Scenario: An element of the JSON array does not contain, empty allowed
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items" should contain (or be empty):
      """
      {"discount": null}
      """

  Scenario: JSON value that should exist does not
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].stock.warehouse" should exist

  Scenario: JSON value that should not exist does
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].discount" should not exist

  Scenario: JSON values that should not exist do
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[?@.price > 20].sku" should not exist

  Scenario: JSON value has another length
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items" should have length 4

  Scenario: JSON array does not contain the element
    When I send a GET request to "/samples/catalog"
    Then the JSON array at "$.items[0].tags" should contain "sale"

  Scenario: JSON value to search is not an array
    When I send a GET request to "/samples/catalog"
    Then the JSON array at "$.items[0].stock" should contain "sale"

  Scenario: JSON response does not match the inline schema
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should match the schema:
      """
      {"type": "object", "properties": {"price": {"type": "integer"}, "name": {"maxLength": 5}}}
      """

  Scenario: JSON value does not match the inline schema
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[2].stock" should match the schema:
      """
      {"type": "object", "properties": {"quantity": {"minimum": 1}}}
      """

  Scenario: JSON response does not match the schema file
    When I send a GET request to "/samples/catalog"
    Then the JSON response should match the schema in "schemas/catalog_item.json"

  Scenario: JSON value does not match the schema file
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[1].discount" should match the schema in "schemas/catalog.json"

  Scenario: JSON value is the one it should not be
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON value at "$.sku" should not be "TEA-001"

  Scenario: JSON value to check against is missing
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.state" should not be "done"

  Scenario: JSON response contains what it should not
    When I send a GET request to "/samples/catalog/items/TEA-001"
    Then the JSON response should not contain:
      """
      {"stock": {"available": true}}
      """

  Scenario: JSON value contains what it should not
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[1]" should not contain:
      """
      {"sku": "MUG-002", "tags": ["kitchen"]}
      """

  Scenario: JSON array contains elements it should not
    When I send a GET request to "/samples/catalog"
    Then the JSON array at "$.items" should not contain {"tags": ["gift"]}

  Scenario: JSON value is not greater than the bound
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items[0].price" should be greater than 40

  Scenario: JSON value to compare is not a number
    When I send a GET request to "/inspect?price=12"
    Then the JSON value at "$.query.price[0]" should be greater than 10

  Scenario: JSON value is not between the bounds
    When I send a GET request to "/samples/catalog/items/MUG-002"
    Then the JSON value at "$.stock.quantity" should be between 1 and 100

  Scenario: JSON array has too few elements
    When I send a GET request to "/samples/catalog"
    Then the number of elements at "$.items" should be at least 4

  Scenario: Array markers and conditions fail element by element
    When I send a GET request to "/samples/catalog"
    Then each element of the JSON array at "$.items" should contain:
      """
      {"price": "#? > 20", "tags": "#[2] #string"}
      """

  Scenario: An array of values fails each condition at its own path
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.items" should contain:
      """
      [{"sku": "MUG-002", "price": "#? < 10"}]
      """
