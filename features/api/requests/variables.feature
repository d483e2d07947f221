Feature: Variables in requests
  As a tester of an API whose answers feed the next request
  I want to save values from a response and use them as ${name} in later steps
  So that I can specify flows with ids, tokens and links the server hands out

  Scenario: An id saved from a response is used in the path of the next request
    Given I send a POST request to "/api/data" with JSON:
      """
      {"id": 42, "name": "Ada"}
      """
    And I save the JSON value at "$.id" as "person_id"
    When I send a GET request to "/inspect/people/${person_id}"
    Then the JSON value at "$.path" should be "/inspect/people/42"

  Scenario: A saved number stays a number in a JSON body
    Given I send a POST request to "/api/data" with JSON:
      """
      {"id": 42}
      """
    And I save the JSON value at "$.id" as "person_id"
    When I send a POST request to "/inspect" with JSON:
      """
      {"person": ${person_id}, "label": "person ${person_id}"}
      """
    Then the JSON value at "$.json" should be {"person": 42, "label": "person 42"}

  Scenario: A saved response header is used in a table
    Given I send a GET request to "/health"
    And I save the response header "Content-Type" as "health_type"
    When I send a GET request to "/inspect" with the query parameters:
      | name   | value          |
      | accept | ${health_type} |
    Then the JSON value at "$.query.accept" should be ["application/json"]

  Scenario: A saved response status is used in a JSON body
    Given I send a POST request to "/auth/token" with JSON:
      """
      {"username": "ada", "password": "wrong"}
      """
    And I save the response status as "login_status"
    When I send a POST request to "/inspect" with JSON:
      """
      {"previous_status": ${login_status}}
      """
    Then the JSON value at "$.json.previous_status" should be 401

  Scenario: Variables fill in a JSON file
    Given the variable "name" is "Ada Lovelace"
    And the variable "born" is "1815"
    When I send a POST request to "/inspect" with the JSON file "data/person_template.json"
    Then the JSON value at "$.json" should be {"name": "Ada Lovelace", "born": 1815, "greeting": "Hello, Ada Lovelace!"}

  Scenario: Userdata and environment variables are used in headers
    Given the request headers are:
      | name     | value         |
      | X-Client | ${api_client} |
      | X-Path   | ${env:PATH}   |
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers['x-client']" should be "acceptance-tests"
    And the JSON value at "$.headers['x-path']" should be "#regex .+"

  Scenario: A backslash keeps a ${...} as literal text
    When I send a POST request to "/inspect" with a "text/plain" body:
      """
      Total: \${amount}
      """
    Then the JSON value at "$.text" should be "Total: \${amount}"

  Scenario: A variable marked secret still reaches the service
    Given the variable "invite" is "inv-7f3a9c"
    And the variable "invite" is secret
    When I send a POST request to "/inspect" with JSON:
      """
      {"invite": "${invite}"}
      """
    Then the JSON value at "$.json.invite" should be "inv-7f3a9c"
