Feature: Form requests
  As a tester of an endpoint that takes HTML form posts
  I want to list the form fields in a table
  So that the scenario shows the form as a person would fill it in

  Scenario: The fields of the table are sent as an URL-encoded form
    When I send a POST request to "/inspect" with the form fields:
      | name  | value           |
      | email | ada@example.com |
      | note  | hello & welcome |
    Then the JSON value at "$.content_type" should be "application/x-www-form-urlencoded"
    And the JSON value at "$.form" should be {"email": ["ada@example.com"], "note": ["hello & welcome"]}

  Scenario: A field on several rows is sent several times, in order
    When I send a POST request to "/inspect" with the form fields:
      | name  | value |
      | topic | math  |
      | topic | looms |
    Then the JSON value at "$.form.topic" should be ["math", "looms"]
