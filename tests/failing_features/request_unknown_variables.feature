Feature: Deliberately unknown variables
  As a feature writer
  I want an unknown ${name} reported with the names I could use
  So that a misspelt or unsaved variable never sends an empty value

  Scenario: Unknown variable in a path
    Given I send a POST request to "/api/data" with JSON:
      """
      {"id": 7}
      """
    And I save the JSON value at "$.id" as "person_id"
    When I send a GET request to "/inspect/tasks/${task_id}"

  Scenario: Unknown variable in a JSON file
    When I send a POST request to "/inspect" with the JSON file "data/person_template.json"

  Scenario: Unknown variable in a table cell
    When I send a GET request to "/inspect" with the query parameters:
      | name | value       |
      | page | ${page_no}  |

  Scenario: Malformed variable reference in a JSON doc-string
    When I send a POST request to "/inspect" with JSON:
      """
      {"name": "${user name}"}
      """

  Scenario: Environment variable that is not set
    Given I am authenticated with the bearer token "${env:BEHAVE_LIVE_UNSET_TOKEN}"
