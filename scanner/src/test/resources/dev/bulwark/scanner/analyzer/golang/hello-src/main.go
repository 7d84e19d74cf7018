// Command hello prints a random UUID; it exists to give the Go binary analyzer a real binary to read.
package main

import (
	"fmt"

	"github.com/google/uuid"
	"github.com/pkg/errors"
)

func main() {
	fmt.Println(errors.Wrap(fmt.Errorf("%s", uuid.NewString()), "hello"))
}
