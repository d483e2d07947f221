Feature: Values set, copied, computed and checked in variables
  As a tester of an API whose answers depend on earlier numbers
  I want to set variables to JSON values, compute with them and check them
  So that a flow such as "the quota left after two uploads" reads as plain arithmetic

  Scenario: A remaining quota is computed from two numbers
    Given the variable "quota" is 10
    And the variable "used" is 3
    When I compute "remaining" as "${quota} - ${used}"
    Then the variable "remaining" should be 7

  Scenario: A copied variable keeps its JSON type in a request body
    Given the variable "limits" is {"page": 2, "size": 20}
    And the variable "requested" is the variable "limits"
    When I send a POST request to "/inspect" with JSON:
      """
      {"limits": ${requested}}
      """
    Then the JSON value at "$.json.limits" should be {"page": 2, "size": 20}
    And the variable "requested" should be {"page": "#? >= 1", "size": 20}

  Scenario: A whole number computed by a division goes into a path
    Given the variable "total" is 45
    And the variable "page_size" is 15
    And I compute "pages" as "${total} / ${page_size}"
    When I send a GET request to "/inspect/pages/${pages}"
    Then the JSON value at "$.path" should be "/inspect/pages/3"
