// The Go test image's program: a module with one real dependency, built from Debian's Go sources.
package main

import (
	"fmt"

	"github.com/google/uuid"
)

func main() {
	fmt.Println(uuid.NewString())
}
