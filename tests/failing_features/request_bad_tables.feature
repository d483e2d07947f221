Feature: Deliberately malformed request tables
  As a feature writer
  I want a table with the wrong columns reported with the columns expected
  So that I can fix the table without reading the kit's code

  Scenario: Query parameters table with other column names
    When I send a GET request to "/inspect" with the query parameters:
      | key  | val |
      | page | 2   |

  Scenario: Form fields table with three columns
    When I send a POST request to "/inspect" with the form fields:
      | name  | value           | comment |
      | email | ada@example.com | work    |

  Scenario: Request headers step without a table
    Given the request headers are:
    When I send a GET request to "/inspect"
