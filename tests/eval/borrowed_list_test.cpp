// The frame lends emptied value lists to the walks that gather elements, and takes them back.
#include <gtest/gtest.h>

#include "eval/frame.hpp"

namespace subsidia::eval {
namespace {

TEST(BorrowedList, ALentListComesBackEmptyWithItsCapacity) {
  Frame frame;
  const Val* first_buffer = nullptr;
  {
    BorrowedList list(frame);
    for (int i = 0; i < 100; ++i) list.items().push_back(Val::of_bool(i % 2 == 0));
    first_buffer = list.items().data();
  }
  ASSERT_EQ(frame.spare_lists.size(), 1u);
  BorrowedList again(frame);
  EXPECT_TRUE(again.items().empty());
  EXPECT_GE(again.items().capacity(), 100u);
  EXPECT_EQ(again.items().data(), first_buffer);  // the same storage, not a new allocation
  EXPECT_TRUE(frame.spare_lists.empty());
}

TEST(BorrowedList, NestedWalksHoldDifferentLists) {
  Frame frame;
  {
    BorrowedList outer(frame);
    outer.items().push_back(Val::of_bool(true));
    {
      BorrowedList inner(frame);
      EXPECT_NE(&inner.items(), &outer.items());
      inner.items().push_back(Val::of_bool(false));
      inner.items().push_back(Val::of_bool(false));
    }
    // The inner list went back; the outer one still holds its own element alone.
    ASSERT_EQ(outer.items().size(), 1u);
    EXPECT_TRUE(outer.items()[0].boolean);
    BorrowedList second_inner(frame);
    EXPECT_TRUE(second_inner.items().empty());
  }
  EXPECT_EQ(frame.spare_lists.size(), 2u);
}

}  // namespace
}  // namespace subsidia::eval
