// Package shop is the application code the Go corpus programs call.
package shop

import (
	"errors"
	"fmt"
	"os"
)

var ErrNotFound = errors.New("record not found")

func loadUser(id int) error {
	return fmt.Errorf("load user %d: %w", id, &os.PathError{Op: "open", Path: "/data/users.db", Err: ErrNotFound})
}

// Profile wraps a failure twice, the way Go code passes errors up.
func Profile(id int) error {
	if err := loadUser(id); err != nil {
		return fmt.Errorf("profile handler: %w", err)
	}
	return nil
}

// Reindex indexes past the end of a slice: a runtime panic.
func Reindex(rows []string) string {
	i := len(rows) + 2
	return rows[i]
}

// Snapshot panics with a value of its own (a message naming the session it worked for).
func Snapshot(message string) {
	panic(message)
}
