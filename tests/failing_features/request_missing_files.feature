Feature: Deliberately missing or broken request files
  As a feature writer
  I want a file my step names to be found, or to be told where it was looked for
  So that a typo in a path is fixed in a moment

  Scenario: Missing JSON file
    When I send a POST request to "/api/data" with the JSON file "data/no-such-person.json"

  Scenario: Missing file to upload
    When I send a POST request to "/upload" with the file "data/no-such-upload.txt" as "document"

  Scenario: JSON file that is not valid JSON
    When I send a POST request to "/api/data" with the JSON file "data/invalid.json"

  Scenario: JSON file path that is a directory
    When I send a POST request to "/api/data" with the JSON file "data"
