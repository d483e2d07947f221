Feature: JSON request bodies
  As a tester of an API that takes JSON
  I want to write a JSON body below the step, or keep it in a file
  So that short bodies are visible in the scenario and long ones stay out of the way

  Scenario: A JSON doc-string is sent as the body
    When I send a POST request to "/inspect" with JSON:
      """
      {"name": "Ada", "born": 1815}
      """
    Then the JSON value at "$.content_type" should be "application/json"
    And the JSON value at "$.json" should be {"name": "Ada", "born": 1815}

  Scenario: A JSON file under the features directory is sent as the body
    When I send a POST request to "/api/data" with the JSON file "data/person.json"
    Then the response status should be 200
    And the JSON value at "$.name" should be "Ada Lovelace"
    And the JSON value at "$.languages" should be ["en", "fr"]

  Scenario: A JSON file can be sent with any method
    When I send a PUT request to "/inspect" with the JSON file "data/person.json"
    Then the JSON value at "$.method" should be "PUT"
    And the JSON value at "$.json.born" should be 1815
