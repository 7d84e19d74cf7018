module example.com/bulwark/hello

go 1.19

require (
	github.com/google/uuid v1.3.0
	github.com/pkg/errors v0.9.1
)

replace github.com/pkg/errors v0.9.1 => github.com/bulwark-fixtures/errors v0.9.2
